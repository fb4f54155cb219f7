import type { District } from '../service-terms.ts';

/**
 * Which of Essex County Council's twelve districts share a boundary, by land or across an estuary
 * (Maldon and Rochford face each other across the Crouch). Guided help reaches into these, and no
 * further, when nothing is nearer. Kept symmetric: a test checks that each pair is listed both ways.
 */
export const NEIGHBOURING_DISTRICTS: Readonly<Record<District, readonly District[]>> = {
  basildon: ['brentwood', 'castle-point', 'chelmsford', 'rochford'],
  braintree: ['chelmsford', 'colchester', 'maldon', 'uttlesford'],
  brentwood: ['basildon', 'chelmsford', 'epping-forest'],
  'castle-point': ['basildon', 'rochford'],
  chelmsford: ['basildon', 'braintree', 'brentwood', 'epping-forest', 'maldon', 'rochford', 'uttlesford'],
  colchester: ['braintree', 'maldon', 'tendring'],
  'epping-forest': ['brentwood', 'chelmsford', 'harlow', 'uttlesford'],
  harlow: ['epping-forest'],
  maldon: ['braintree', 'chelmsford', 'colchester', 'rochford'],
  rochford: ['basildon', 'castle-point', 'chelmsford', 'maldon'],
  tendring: ['colchester'],
  uttlesford: ['braintree', 'chelmsford', 'epping-forest'],
};

export function neighboursOf(district: District): readonly District[] {
  return NEIGHBOURING_DISTRICTS[district];
}
