export const BASELINE_TRIGGERS_SQL = ``;
