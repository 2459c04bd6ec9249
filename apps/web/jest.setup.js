// jsdom lacks a few globals that Node has and the browser has too (react-router encodes with TextEncoder).
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
