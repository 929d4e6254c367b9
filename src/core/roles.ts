/** The three signed-in roles of the platform (docs/architecture.md "Roles"). */
export const roles = ['admin', 'coach', 'company'] as const;
export type Role = (typeof roles)[number];

/** A user account's lifecycle: invited until the invitation is accepted, deactivated by an admin. */
export const userStatuses = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof userStatuses)[number];

/** Who is asking. The server resolves it from the session; the core decides with it. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; role: 'admin' }
  | { kind: 'user'; userId: string; role: 'coach'; organisationId: string }
  | { kind: 'user'; userId: string; role: 'company'; companyId: string; organisationId: string };

export type SignedInActor = Extract<Actor, { kind: 'user' }>;

export const anonymous: Actor = { kind: 'anonymous' };

/** True when the actor is signed in; narrows the type for the caller. */
export function isSignedIn(actor: Actor): actor is SignedInActor {
  return actor.kind === 'user';
}
