export { reportRoutes } from './reports.routes';
export { BULLETIN_FORMATS, type BulletinFormat, renderBulletin } from './use-cases/bulletin';
export { renderYearEndReport, YEAR_END_FORMATS, type YearEndFormat } from './use-cases/year-end';
