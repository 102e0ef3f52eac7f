export { reportRoutes } from './reports.routes';
export { BULLETIN_FORMATS, type BulletinFormat, renderBulletin } from './use-cases/bulletin';
