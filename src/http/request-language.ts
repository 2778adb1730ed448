import type { Request } from 'express';
import { languageOf, preferredLanguage } from '../edge/language';
import type { Services } from '../edge/services';

/** The client's preferred language among the service's, from Accept-Language; French when none fits. */
export const preferredOf = (req: Request, s: Pick<Services, 'content'>): string =>
  preferredLanguage(req.get('accept-language'), s.content);

/** The language a request asks for (`value`, else ?lang=), else its preferred one; an unsupported one is refused. */
export const requestLanguage = (req: Request, s: Pick<Services, 'content'>, value: unknown = req.query.lang): string =>
  languageOf(value, s.content, preferredOf(req, s));
