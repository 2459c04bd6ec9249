import { graphql } from '../../gql';

export const AdminUserFields = graphql(`
  fragment AdminUser on User {
    id
    email
    nameAr
    nameEn
    roles
    teamRoles
    active
    agencyId
    preferredLanguage
    version
    createdAt
    updatedAt
    agency {
      id
      code
      nameAr
      nameEn
    }
  }
`);

export const AgencyFields = graphql(`
  fragment AgencyRow on Agency {
    id
    code
    nameAr
    nameEn
    version
    createdAt
    updatedAt
  }
`);

export const AgenciesQuery = graphql(`
  query Agencies {
    agencies {
      ...AgencyRow
    }
  }
`);

export const UsersQuery = graphql(`
  query AdminUsers($agencyId: UUID, $role: GlobalRole, $search: String, $limit: Int!, $after: String) {
    usersPage(agencyId: $agencyId, role: $role, search: $search, limit: $limit, after: $after) {
      nextCursor
      items {
        ...AdminUser
      }
    }
  }
`);

export const UserQuery = graphql(`
  query AdminUserDetail($id: UUID!) {
    user(id: $id) {
      ...AdminUser
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...AdminUser
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      ...AdminUser
    }
  }
`);

export const SetUserRolesMutation = graphql(`
  mutation SetUserRoles($input: SetUserRolesInput!) {
    setUserRoles(input: $input) {
      ...AdminUser
    }
  }
`);

export const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($input: ResetUserPasswordInput!) {
    resetUserPassword(input: $input) {
      ...AdminUser
    }
  }
`);

export const UnlockSignInMutation = graphql(`
  mutation UnlockSignIn($email: String!) {
    unlockSignIn(email: $email)
  }
`);

export const AuditTrailQuery = graphql(`
  query AuditTrail($subjectType: String!, $subjectId: UUID!) {
    auditTrail(subjectType: $subjectType, subjectId: $subjectId, limit: 200) {
      id
      action
      actorId
      data
      fromState
      toState
      reason
      ip
      occurredAt
    }
  }
`);

export const PeopleQuery = graphql(`
  query People {
    users {
      id
      nameAr
      nameEn
    }
  }
`);

export const CreateAgencyMutation = graphql(`
  mutation CreateAgency($input: CreateAgencyInput!) {
    createAgency(input: $input) {
      ...AgencyRow
    }
  }
`);

export const UpdateAgencyMutation = graphql(`
  mutation UpdateAgency($input: UpdateAgencyInput!) {
    updateAgency(input: $input) {
      ...AgencyRow
    }
  }
`);
