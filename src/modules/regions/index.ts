export { DIVISION_SOURCE, loadDivisionData } from './gb2260.loader';
export { regionNameQuery } from './region-name-query';
export {
  childrenOf,
  countRegions,
  findRegion,
  findRegions,
  insertRegions,
  regionNamesOf,
} from './regions.repository';
export { regionRoutes } from './regions.routes';
export { regionsFromDivisions } from './regions.rules';
export { regions } from './regions.tables';
export { importTownships } from './use-cases/regions';
