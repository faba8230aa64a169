/** The short draft a cell starts from and rewrites: purpose, how we decide, roles, care, safety. */
export const SKELETON = ["purpose", "deciding", "roles", "care", "safety"] as const;
