import { configure } from '@testing-library/react';

// Pages load lazily (a dynamic import each); on a loaded 2-core machine the first import of a
// page takes seconds, longer than Testing Library's 1 s default for findBy*/waitFor.
configure({ asyncUtilTimeout: 15_000 });
// The same reason for the per-test limit (jest's default is 5 s).
jest.setTimeout(60_000);
