export const ROLES = ['analyst', 'supervisor', 'liaison', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

/** Who is asking: every read and write is evaluated for one viewer. */
export interface Viewer {
  userId: string;
  name: string;
  agency: string;
  country: string;
  role: Role;
  tokenId?: string;
}

export type Permission = 'records:write' | 'audit:read' | 'users:manage' | 'platform:administer';

const GRANTS: Record<Permission, readonly Role[]> = {
  'records:write': ['analyst', 'supervisor', 'liaison', 'admin'],
  'audit:read': ['supervisor', 'admin'],
  'users:manage': ['admin'],
  // Registering partner agencies and verifying the whole log belong to the platform's
  // operator, not to any agency's staff.
  'platform:administer': [],
};

export const can = (viewer: Viewer, permission: Permission): boolean =>
  GRANTS[permission].includes(viewer.role);
