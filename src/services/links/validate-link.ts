import { validateLink } from '../../domain/model/links.js';
import { orValidationError } from '../model-errors.js';

export const validateLinkInput = (
  type: string,
  sourceSchema: string,
  targetSchema: string,
  properties: unknown,
) => orValidationError(validateLink(type, sourceSchema, targetSchema, properties ?? {}), 'type');
