import 'reflect-metadata';

import { translate } from './messages.js';

describe('validation messages', () => {
  it('fills parameters and translates the ones that are message keys', () => {
    expect(translate('en', 'validation.maxLength', { field: 'Code', 0: 16 })).toBe(
      'Code must be at most 16 characters.',
    );
    expect(translate('ar', 'error.conflict', { subject: 'subject.user' })).toContain('هذا المستخدم');
  });
});
