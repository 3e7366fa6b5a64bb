import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/**
 * The typed database schema for Kysely. Dates are ISO `YYYY-MM-DD` strings and timestamps ISO strings
 * on both back ends (see type-parsers.ts); numeric is a string so no decimal is rounded.
 */
type DateText = string;
type Timestamp = ColumnType<string, string | undefined, string>;

export interface OrganisationTable {
  code: string;
  org_type: string;
  name: string;
  short_name: string | null;
  ons_code: string | null;
  postcode: string | null;
  open_date: DateText | null;
  close_date: DateText | null;
  provenance: 'sourced' | 'illustrative';
  provenance_note: string | null;
  source: string;
  attributes: JSONColumnType<Record<string, unknown>>;
}

export interface RelationshipTable {
  id: Generated<number>;
  kind: string;
  from_code: string;
  to_code: string;
  start_date: DateText;
  end_date: DateText | null;
  share: string | null;
  provenance: 'sourced' | 'illustrative';
  provenance_note: string | null;
  source: string;
  event_id: number | null;
}

export interface StructuralEventTable {
  id: Generated<number>;
  kind: string;
  effective_date: DateText;
  detail: JSONColumnType<Record<string, unknown>>;
  source: string;
  recorded_at: Timestamp;
}

export interface ListSizeTable {
  practice_code: string;
  quarter_start: DateText;
  quarter_end: DateText;
  sex: 'male' | 'female';
  age_band: string;
  patients: number;
}

export interface AreaAssignmentTable {
  lsoa_code: string;
  lsoa_name: string;
  ccg_codes: string[];
  lad_code: string;
  lad_name: string;
  utla_code: string;
  note: string | null;
  source: string;
}

export interface BoundarySetTable {
  code: string;
  object_name: string;
  topology: JSONColumnType<Record<string, unknown>>;
  source: string;
}

export interface ImportRunTable {
  id: Generated<number>;
  importer: string;
  content_hash: string;
  started_at: string;
  finished_at: Timestamp;
  taken: number;
  rejected: number;
  summary: JSONColumnType<Record<string, unknown>>;
}

export interface ImportRejectionTable {
  run_id: number;
  file: string;
  line: number;
  reason: string;
}

export interface DB {
  organisation: OrganisationTable;
  relationship: RelationshipTable;
  structural_event: StructuralEventTable;
  list_size: ListSizeTable;
  area_assignment: AreaAssignmentTable;
  boundary_set: BoundarySetTable;
  import_run: ImportRunTable;
  import_rejection: ImportRejectionTable;
}
