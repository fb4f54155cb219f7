import { z } from 'zod/mini';
import { THEMES } from './themes.ts';

/*
 * The terms a service is described in (its themes, who it is for, how it is given and where), apart from
 * the service schema in `service.ts`, so a page that only lists or reads them does not build that schema.
 */

export { THEMES };
export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;

/** Who a service is for. `carer-self` and `cared-for` are kept apart on purpose: carers asked for it. */
export const WHO_FOR = [
  'carer-self',
  'cared-for',
  'older-people',
  'learning-disability',
  'autism',
  'mental-health',
  'physical-sensory',
] as const;
export const WhoFor = z.enum(WHO_FOR);
export type WhoFor = z.infer<typeof WhoFor>;

export const DELIVERY = ['in-person', 'phone', 'online'] as const;
export const Delivery = z.enum(DELIVERY);
export type Delivery = z.infer<typeof Delivery>;

export const DISTRICTS = [
  'basildon',
  'braintree',
  'brentwood',
  'castle-point',
  'chelmsford',
  'colchester',
  'epping-forest',
  'harlow',
  'maldon',
  'rochford',
  'tendring',
  'uttlesford',
] as const;
export const District = z.enum(DISTRICTS);
export type District = z.infer<typeof District>;
