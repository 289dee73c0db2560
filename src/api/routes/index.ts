// Every route of the API, in one list: the app registers it and the OpenAPI document describes it.
import { mcpRoutes } from '../../mcp/http-route.js';
import type { AnyRoute } from '../route.js';
import { documentRoutes, passageRoutes } from './document-routes.js';
import { graphRoutes } from './graph-routes.js';
import { metaRoutes } from './meta-routes.js';
import { searchRoutes } from './search-routes.js';

export function apiRoutes(openapi: () => unknown): AnyRoute[] {
  return [...metaRoutes(openapi), ...documentRoutes, ...passageRoutes, ...searchRoutes, ...graphRoutes, ...mcpRoutes];
}
