export { findUnit, findUnitByName, insertUnit } from './units.repository';
export { unitRoutes } from './units.routes';
export { guessUnitKind, normalizeUnitName, UNIT_KINDS, type UnitKind } from './units.rules';
export { units } from './units.tables';
