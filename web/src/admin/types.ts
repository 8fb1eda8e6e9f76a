import type { Role } from '../api/types';

// The shapes of /api/v1/users and tokens (src/http/schemas/identity.ts).

export interface UserView {
  id: string;
  agency: string;
  name: string;
  email: string | null;
  role: Role;
  createdAt: string;
  disabled: boolean;
}

export interface TokenView {
  id: string;
  userId: string;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** A new token: the secret is in this answer only. */
export interface NewToken extends TokenView {
  token: string;
}

export const ROLES: readonly Role[] = ['analyst', 'supervisor', 'liaison', 'admin'];
