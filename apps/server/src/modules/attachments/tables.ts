import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;

export type AttachmentTables = {
  attachment: {
    id: string;
    mime: string;
    size: number;
    width: number;
    height: number;
    created_at: Ts;
  };
  attachment_upload: {
    id: Generated<string>;
    attachment_id: string;
    /** Null for an upload without an account (a courtyard QR report). */
    uploaded_by: string | null;
    ip: string;
    at: Ts;
  };
};
