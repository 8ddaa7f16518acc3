// PFMP (issue 5 part 8): the module's functions, in four files — who may do what (access.ts), host
// organisations and tutors (hosts.ts), agreements with their periods, attendance, tasks and the tutor's
// assessment (agreements.ts), and what is read back (reading.ts).
export * from './agreements.ts';
export * from './hosts.ts';
export * from './reading.ts';
