import { graphql } from '../../gql';

export const ExportFields = graphql(`
  fragment ExportFields on Export {
    id
    kind
    format
    state
    progress
    language
    title
    fileName
    byteSize
    downloadPath
    failure
    createdAt
    finishedAt
  }
`);

export const RequestExportMutation = graphql(`
  mutation RequestExport($input: RequestExportInput!) {
    requestExport(input: $input) {
      ...ExportFields
    }
  }
`);

export const ExportQuery = graphql(`
  query ExportStatus($id: UUID!) {
    export(id: $id) {
      ...ExportFields
    }
  }
`);

export const MyExportsQuery = graphql(`
  query MyExports {
    myExports(limit: 20) {
      ...ExportFields
    }
  }
`);
