/** The object holding the April 2013 CCG boundaries in the API's TopoJSON (`/api/geo/ccg-boundaries`). */
export const CCG_OBJECT = 'CCG_APR_2013_EN_BGC_WGS84';
