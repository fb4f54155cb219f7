import { useEffect, useState } from 'preact/hooks';
import { onGuidedSessionChange, readGuidedSession, type GuidedSession } from './guided-session.ts';

/** The journey so far, re-rendering whenever any page of the journey changes it. */
export function useGuidedSession(): GuidedSession {
  const [session, setSession] = useState(readGuidedSession);
  useEffect(() => onGuidedSessionChange(() => setSession(readGuidedSession())), []);
  return session;
}
