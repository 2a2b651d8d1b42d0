// The team-mode session token this window signed in with. Kept in sessionStorage: it survives a reload of the
// page but not the closing of the window, so a shared computer does not stay signed in.
const KEY = 'renewal-desk.session';

export function sessionToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function keepSessionToken(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, token);
  } catch {
    // Storage refused (a locked-down browser): the session lasts as long as this page's calls do not need it again.
  }
}

const signInListeners = new Set<() => void>();

/** Called when a call comes back refused for want of a (live) session; the app then shows the login page again. */
export function onSignInRefused(listener: () => void): () => void {
  signInListeners.add(listener);
  return () => {
    signInListeners.delete(listener);
  };
}

/** A refusal that a new login fixes: the session expired, was ended elsewhere, or there is none. */
export function noteRefusal(errorKey: string): void {
  if (errorKey !== 'accounts.sessionExpired' && errorKey !== 'accounts.signInRequired') return;
  keepSessionToken(null);
  for (const listener of signInListeners) listener();
}
