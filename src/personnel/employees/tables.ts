export type EmployeeSex = 'F' | 'M';
export type EmployeeCategory = 'employee' | 'executive';
export type ContractType = 'cdi' | 'cdd' | 'apprenticeship' | 'internship';

export type PersonnelEmployeeTable = {
  org_id: string;
  id: string;
  register_number: number;
  last_name: string;
  first_name: string;
  sex: EmployeeSex;
  birth_date: string;
  nationality: string;
  social_security_number: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  job_title: string;
  qualification: string | null;
  category: EmployeeCategory;
  contract_type: ContractType;
  weekly_hours: number;
  monthly_gross: number;
  tax_rate: number;
  hire_date: string;
  contract_end: string | null;
  left_on: string | null;
  departure_reason: string | null;
  work_permit: string | null;
  /** A trainee's tutor, first names and name (register, D1221-23-1). */
  tutor_name: string | null;
  /** Where a trainee is present, when it is not the organisation's address. */
  workplace: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};
