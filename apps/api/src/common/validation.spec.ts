import 'reflect-metadata';

import { getMetadataStorage } from 'class-validator';

import * as agencyInputs from '../identity/dto/agency.inputs.js';
import * as userInputs from '../identity/dto/user.inputs.js';
import { fieldLabel, translate } from './messages.js';

describe('validation messages', () => {
  it('has an Arabic and an English label for every validated input field', () => {
    const classes = [...Object.values(agencyInputs), ...Object.values(userInputs)] as (new () => object)[];
    const storage = getMetadataStorage();
    const properties = new Set(
      classes.flatMap((c) => storage.getTargetValidationMetadatas(c, '', true, false).map((m) => m.propertyName)),
    );
    expect(properties.size).toBeGreaterThan(5);
    for (const p of properties) {
      expect([p, fieldLabel('en', p)]).not.toEqual([p, p]);
      expect([p, fieldLabel('ar', p)]).not.toEqual([p, p]);
    }
  });

  it('fills parameters and translates the ones that are message keys', () => {
    expect(translate('en', 'validation.maxLength', { field: 'Code', 0: 16 })).toBe(
      'Code must be at most 16 characters.',
    );
    expect(translate('ar', 'error.conflict', { subject: 'subject.user' })).toContain('هذا المستخدم');
  });
});
