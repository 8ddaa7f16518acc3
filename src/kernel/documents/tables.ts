export type DocumentTable = {
  org_id: string;
  id: string;
  sha256: string;
  file_name: string;
  media_type: string;
  size: number;
  created_by: string | null;
  created_at: string;
};
