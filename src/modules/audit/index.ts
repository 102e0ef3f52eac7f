export { auditRoutes } from './audit.routes';
export { auditLog } from './audit.tables';
export { verifyAuditChain } from './use-cases/audit';
