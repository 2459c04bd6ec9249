import { graphql } from '../../gql';

export const AlignmentNodeFields = graphql(`
  fragment AlignmentNodeFields on AlignmentNode {
    id
    parentId
    level
    code
    nameAr
    nameEn
    sort
    active
    version
  }
`);

export const AlignmentTreeQuery = graphql(`
  query AlignmentTree {
    alignmentTree {
      ...AlignmentNodeFields
    }
  }
`);

export const CreateAlignmentNodeMutation = graphql(`
  mutation CreateAlignmentNode($input: CreateAlignmentNodeInput!) {
    createAlignmentNode(input: $input) {
      ...AlignmentNodeFields
    }
  }
`);

export const UpdateAlignmentNodeMutation = graphql(`
  mutation UpdateAlignmentNode($input: UpdateAlignmentNodeInput!) {
    updateAlignmentNode(input: $input) {
      ...AlignmentNodeFields
    }
  }
`);
