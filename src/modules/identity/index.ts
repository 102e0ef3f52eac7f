export { findUserByUsername, type GrantView } from './identity.repository';
export { identityRoutes } from './identity.routes';
export { roleGrants, sessions, users } from './identity.tables';
export { generatePassword, maskPhone, passwordProblems } from './password.rules';
export { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, SessionStore } from './session-store';
export { createUser } from './use-cases/users';
