import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionAbsoluteMs } from '../../core/session-policy';
import type { Config } from '../config';

// The __Host- prefix pins the cookie to this host and path when it is Secure (production).
export function sessionCookieName(config: Config): string {
  return config.secureCookies ? '__Host-iiw_session' : 'iiw_session';
}

export function readSessionToken(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[sessionCookieName(config)];
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  void reply.setCookie(sessionCookieName(config), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    maxAge: Math.floor(sessionAbsoluteMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  void reply.clearCookie(sessionCookieName(config), {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
  });
}
