import type { ColumnType } from 'kysely';

type Ts = ColumnType<Date, Date, Date>;
type TsNull = ColumnType<Date | null, Date | null, Date | null>;

export type SsoTables = {
  user_external_identity: {
    issuer: string;
    subject: string;
    user_id: string;
    linked_via: 'admin' | 'phone';
    linked_by: string | null;
    linked_at: Ts;
    last_login_at: TsNull;
  };
  oidc_login_attempt: {
    state_hash: string;
    nonce: string;
    verifier_box: string;
    return_to: string;
    created_at: Ts;
    expires_at: Ts;
  };
};
