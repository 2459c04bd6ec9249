import { Module } from '@nestjs/common';

import { TeamsModule } from '../teams/teams.module.js';
import { AssessmentsService } from './assessments.service.js';
import { AssignmentsService } from './assignments.service.js';
import { AssessmentsResolver, ReviewsResolver, TeamReviewResolver } from './reviews.resolver.js';
import { ReviewsService } from './reviews.service.js';

/** The mid-point review: reviewers assigned with conflicts of interest, blind assessments, the decision. */
@Module({
  imports: [TeamsModule],
  providers: [
    ReviewsService,
    AssignmentsService,
    AssessmentsService,
    ReviewsResolver,
    AssessmentsResolver,
    TeamReviewResolver,
  ],
})
export class ReviewsModule {}
