import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

import type { LogLevel } from '../config/config.js';

/**
 * Structured JSON logs (one object per line on stdout) for Nest and for our own code.
 * `context` is the Nest logger context (usually the class name).
 */
export class JsonLogger implements LoggerService {
  readonly pino: Logger;

  constructor(level: LogLevel, base: Record<string, unknown> = {}) {
    this.pino = pino({
      level,
      base: { service: 'hundred', pid: process.pid, ...base },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    });
  }

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    params: unknown[],
  ): void {
    const fields: Record<string, unknown> = {};
    const strings: string[] = [];
    for (const p of params) {
      if (p instanceof Error) fields.err = p;
      else if (typeof p === 'string') strings.push(p);
      else if (p && typeof p === 'object') Object.assign(fields, p);
    }
    // Nest calls (message, context) and (message, stack, context); our own code calls (fields, message).
    let text: string | undefined;
    if (message && typeof message === 'object' && !(message instanceof Error)) {
      Object.assign(fields, message);
      text = strings.shift();
    } else if (message instanceof Error) {
      fields.err = message;
      text = message.message;
    } else {
      text = String(message);
    }
    if (strings.length > 0) fields.context = strings.pop();
    if (strings.length > 0) fields.stack = strings.join('\n');
    this.pino[level](fields, text);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
}
