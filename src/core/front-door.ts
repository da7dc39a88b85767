// The app's entry for requests the route table answers: Express's own request set-up, then the route's chain at once, without Express's
// router (per request it makes a final handler, closures to restore the request, and walks its layers: about a twentieth of a list
// read's CPU, decision 0014). Everything else, and whatever a chain hands on (an error, a fall-through), goes through Express as before.
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';

const RESUMED = Symbol('pms-sandbox.front-door.resumed');
type Resumable = Request & { [RESUMED]?: { err: unknown } };

/** What the door does with a request: runs it and answers true, handing on to `onward` what it does not answer, or answers false. */
export type Take = (req: Request, res: Response, onward: NextFunction) => boolean;

export interface FrontDoor {
  /**
   * The app-level layer standing where `inner` stood in Express's stack: a request the door handed on continues from it (an error to
   * the error middleware, a fall-through to the next layer), and any other request runs `inner`.
   */
  resumeOr(inner: RequestHandler): RequestHandler;
}

/**
 * Puts `take` in front of Express's router. `onRequest` runs once for every request the app is handed, whichever way it goes on. Express's
 * set-up is repeated exactly (express 5 `app.handle`): `X-Powered-By` when enabled, the circular references, the app's request and
 * response prototypes, `res.locals`, then what its router sets before the first layer (`next`, `baseUrl`, `originalUrl`).
 */
export function installFrontDoor(app: Express, take: Take, onRequest?: (req: Request, res: Response) => void): FrontDoor {
  const application = app as unknown as { handle: (req: Resumable, res: Response, callback?: NextFunction) => void; request: object; response: object };
  const express = application.handle;
  application.handle = function (this: unknown, req: Resumable, res: Response, callback?: NextFunction) {
    onRequest?.(req, res);
    // A callback means an enclosing app mounted this one: its router has set the request up and expects it back.
    if (callback === undefined) {
      if (app.enabled('x-powered-by')) res.setHeader('X-Powered-By', 'Express');
      req.res = res;
      res.req = req;
      Object.setPrototypeOf(req, application.request);
      Object.setPrototypeOf(res, application.response);
      if (!res.locals) res.locals = Object.create(null) as Record<string, unknown>;
      // In the order Express's router sets them, so a request has the same shape whichever way it goes.
      const onward: NextFunction = (err?: unknown) => {
        req[RESUMED] = { err };
        express.call(this, req, res);
      };
      req.next = onward;
      req.baseUrl = '';
      req.originalUrl = req.originalUrl || req.url;
      if (take(req, res, onward)) return;
    }
    express.call(this, req, res, callback);
  };
  return {
    resumeOr: (inner) => (req: Resumable, res, next) => {
      const resumed = req[RESUMED];
      if (resumed === undefined) return inner(req, res, next);
      req[RESUMED] = undefined;
      next(resumed.err);
    },
  };
}
