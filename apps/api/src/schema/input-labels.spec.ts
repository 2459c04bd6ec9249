import 'reflect-metadata';

import { getMetadataStorage } from 'class-validator';

import * as alignmentInputs from '../alignment/dto/alignment.inputs.js';
import * as challengeInputs from '../challenges/dto/challenge.inputs.js';
import * as clockInputs from '../clock/dto/advance-clock.input.js';
import * as cohortInputs from '../cohorts/dto/cohort.inputs.js';
import { fieldLabel } from '../common/messages.js';
import * as agencyInputs from '../identity/dto/agency.inputs.js';
import * as userInputs from '../identity/dto/user.inputs.js';
import * as changeRequestInputs from '../teams/dto/change-request.inputs.js';
import * as checkInInputs from '../teams/dto/check-in.inputs.js';
import * as goalInputs from '../teams/dto/goal.inputs.js';
import * as memberInputs from '../teams/dto/member.inputs.js';
import * as teamEventInputs from '../teams/dto/team-event.inputs.js';
import * as reviewInputs from '../reviews/dto/review.inputs.js';
import * as resultInputs from '../results/dto/results.inputs.js';
import * as sustainmentInputs from '../sustainment/dto/sustainment.inputs.js';

const MODULES = [
  agencyInputs,
  userInputs,
  alignmentInputs,
  cohortInputs,
  clockInputs,
  challengeInputs,
  memberInputs,
  goalInputs,
  checkInInputs,
  changeRequestInputs,
  teamEventInputs,
  reviewInputs,
  resultInputs,
  sustainmentInputs,
];

describe('validation messages', () => {
  it('has an Arabic and an English label for every validated input field of every feature', () => {
    const classes = MODULES.flatMap((m) => Object.values(m)).filter(
      (c) => typeof c === 'function',
    ) as (new () => object)[];
    const storage = getMetadataStorage();
    const properties = new Set(
      classes.flatMap((c) => storage.getTargetValidationMetadatas(c, '', true, false).map((m) => m.propertyName)),
    );
    expect(properties.size).toBeGreaterThan(5);
    const missing = [...properties].filter((p) => fieldLabel('en', p) === p || fieldLabel('ar', p) === p);
    expect(missing).toEqual([]);
  });
});
