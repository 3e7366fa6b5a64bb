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

/** A person with an account (issue #3). `username` is lower case. */
export interface PersonTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: string;
  disabled_at: string | null;
  failed_sign_ins: ColumnType<number, number | undefined, number>;
  locked_until: string | null;
  last_sign_in_at: string | null;
  password_changed_at: string | null;
  password_must_change: Generated<boolean>;
}

/** A role a person holds at an organisation, effective-dated (org_code null: a platform role). */
export interface RoleAssignmentTable {
  id: Generated<number>;
  person_id: number;
  role: string;
  org_code: string | null;
  start_date: DateText;
  end_date: DateText | null;
  granted_by: string;
  created_at: string;
}

export interface AuthSessionTable {
  token_hash: string;
  person_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ended_at: string | null;
  end_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  token_hash: string;
  prefix: string;
  name: string;
  org_code: string;
  permissions: string[];
  created_by: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  last_used_at: string | null;
}

/** Written once, never updated: the type refuses `.set()` on these columns (see also migration 003). */
type Appended<T> = ColumnType<T, T, never>;
type AppendedOptional<T> = ColumnType<T, T | undefined, never>;

/** Append-only: the app's database role may insert and select, nothing else (migration 003). */
export interface AuditEventTable {
  id: ColumnType<number, never, never>;
  occurred_at: AppendedOptional<string>;
  actor_type: Appended<'person' | 'api_token' | 'anonymous' | 'system'>;
  actor_id: AppendedOptional<string | null>;
  actor_name: AppendedOptional<string | null>;
  acting_role: AppendedOptional<string | null>;
  acting_org: AppendedOptional<string | null>;
  action: Appended<string>;
  route: AppendedOptional<string | null>;
  record: AppendedOptional<string | null>;
  classification: AppendedOptional<string | null>;
  owner_org: AppendedOptional<string | null>;
  outcome: Appended<'allowed' | 'denied' | 'error'>;
  reason: AppendedOptional<string | null>;
  status: AppendedOptional<number | null>;
  ip: AppendedOptional<string | null>;
  request_id: AppendedOptional<string | null>;
  detail: ColumnType<Record<string, unknown>, string | undefined, never>;
}

/** Synthetic demo patients only (the table refuses anything else). */
export interface PatientIdentityTable {
  pseudonym: string;
  nhs_number: string;
  given_name: string;
  family_name: string;
  birth_date: DateText;
  sex: 'male' | 'female';
  practice_code: string;
  synthetic: ColumnType<boolean, true | undefined, never>;
  source: string;
}

type Json<T extends object = Record<string, unknown>> = JSONColumnType<T, string, string>;

export interface GovCcgContextTable {
  ccg_code: string;
  commissioned_provider_codes: string[];
  synthetic: boolean;
}

export interface GovPersonTable {
  ccg_code: string;
  person_id: string;
  name: string;
  record: Json;
  synthetic: boolean;
}

export interface GovRegisterMemberTable {
  ccg_code: string;
  person_id: string;
  capacity: string;
  start_date: DateText;
  end_date: DateText | null;
  synthetic: boolean;
}

export interface GovDeclarationTable {
  declaration_id: string;
  ccg_code: string;
  person_id: string;
  record: Json;
  synthetic: boolean;
  recorded_at: Timestamp;
}

export interface GovNilReturnTable {
  ccg_code: string;
  person_id: string;
  capacity: string;
  returned_on: DateText;
  synthetic: boolean;
}

export interface GovGiftHospitalityTable {
  entry_id: string;
  ccg_code: string;
  person_id: string;
  record: Json;
  synthetic: boolean;
}

export interface GovBreachTable {
  breach_id: string;
  ccg_code: string;
  reported_on: DateText;
  record: Json;
  synthetic: boolean;
}

export interface GovConstitutionTable {
  ccg_code: string;
  version: number;
  effective_from: DateText;
  status: 'draft' | 'submitted' | 'approved' | 'rejected';
  content: Json;
  submitted_at: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
  synthetic: boolean;
}

export interface GovMeetingTable {
  meeting_id: string;
  ccg_code: string;
  body: string;
  date: DateText;
  status: 'draft' | 'held' | 'published';
  record: Json;
  minutes: Json | null;
  published_at: string | null;
  synthetic: boolean;
}

export interface GovProcurementDecisionTable {
  id: Generated<number>;
  ccg_code: string;
  decided_on: DateText;
  meeting_id: string | null;
  item_id: string | null;
  record: Json;
  source: string;
  synthetic: boolean;
}

// ---- authorisation and assurance (migration 005) --------------------------------------------------

export interface AuthCcgTable {
  ccg_code: string;
  status: string;
  state: Json;
  events: number;
  provenance: Json | null;
  synthetic: boolean;
  updated_at: string;
}

export interface AuthHistoryTable {
  id: Generated<number>;
  ccg_code: string;
  seq: number;
  event_kind: string;
  event_date: DateText;
  from_status: string;
  to_status: string;
  event: Json;
  actor: Json;
  evidence_refs: string[];
  reason: string;
  provenance: Json | null;
  synthetic: boolean;
  recorded_at: Timestamp;
}

export interface AuthApplicationTable {
  application_id: string;
  ccg_code: string;
  wave: number;
  criteria_version: string;
  status: 'draft' | 'submitted' | 'decided' | 'deferred';
  created_at: string;
  created_by: Json;
  submitted_on: DateText | null;
  submitted_by: Json | null;
  synthetic: boolean;
}

export interface AuthSelfCertificationTable {
  application_id: string;
  criterion_id: string;
  status: string;
  statement: string;
  certified_by: Json;
  certified_at: string;
}

export interface AuthEvidenceDocumentTable {
  document_id: string;
  application_id: string;
  record: Json;
  added_by: Json;
  added_at: string;
  synthetic: boolean;
}

export interface AuthDesktopScoreTable {
  score_id: Generated<number>;
  application_id: string;
  criterion_id: string;
  score: string;
  rationale: string;
  assessor: Json;
  scored_at: string;
  synthetic: boolean;
}

export interface AuthSurveyResponseTable {
  response_id: string;
  application_id: string;
  respondent_type: string;
  received_on: DateText;
  record: Json;
  recorded_by: Json;
  synthetic: boolean;
}

export interface AuthSiteVisitTable {
  visit_id: string;
  application_id: string;
  visited_on: DateText;
  record: Json;
  recorded_by: Json;
  synthetic: boolean;
}

export interface AuthModerationTable {
  moderation_id: Generated<number>;
  application_id: string;
  criterion_id: string | null;
  domain: number | null;
  outcome: 'met' | 'not_met';
  rationale: string;
  moderated_by: Json;
  moderated_at: string;
}

export interface AuthAnnualAssessmentTable {
  assessment_id: string;
  ccg_code: string;
  financial_year: string;
  status: 'consulting' | 'published';
  record: Json;
  published_on: DateText | null;
  synthetic: boolean;
}

export interface AuthInterventionTable {
  intervention_id: string;
  ccg_code: string;
  status: 'draft' | 'in_force' | 'lifted';
  opened_on: DateText;
  record: Json;
  synthetic: boolean;
}

export interface AuthTriggerEvidenceTable {
  id: Generated<number>;
  ccg_code: string;
  source: 'finance' | 'outcomes';
  as_at: DateText;
  record: Json;
  recorded_at: string;
}

export interface DB {
  auth_ccg: AuthCcgTable;
  auth_history: AuthHistoryTable;
  auth_application: AuthApplicationTable;
  auth_self_certification: AuthSelfCertificationTable;
  auth_evidence_document: AuthEvidenceDocumentTable;
  auth_desktop_score: AuthDesktopScoreTable;
  auth_survey_response: AuthSurveyResponseTable;
  auth_site_visit: AuthSiteVisitTable;
  auth_moderation: AuthModerationTable;
  auth_annual_assessment: AuthAnnualAssessmentTable;
  auth_intervention: AuthInterventionTable;
  auth_trigger_evidence: AuthTriggerEvidenceTable;
  gov_ccg_context: GovCcgContextTable;
  gov_person: GovPersonTable;
  gov_register_member: GovRegisterMemberTable;
  gov_declaration: GovDeclarationTable;
  gov_nil_return: GovNilReturnTable;
  gov_gift_hospitality: GovGiftHospitalityTable;
  gov_breach: GovBreachTable;
  gov_constitution: GovConstitutionTable;
  gov_meeting: GovMeetingTable;
  gov_procurement_decision: GovProcurementDecisionTable;
  organisation: OrganisationTable;
  relationship: RelationshipTable;
  structural_event: StructuralEventTable;
  list_size: ListSizeTable;
  area_assignment: AreaAssignmentTable;
  boundary_set: BoundarySetTable;
  import_run: ImportRunTable;
  import_rejection: ImportRejectionTable;
  person: PersonTable;
  role_assignment: RoleAssignmentTable;
  auth_session: AuthSessionTable;
  api_token: ApiTokenTable;
  audit_event: AuditEventTable;
  patient_identity: PatientIdentityTable;
}
