import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// These tests specify behaviour, not speed: rendering MUI forms in jsdom and typing with userEvent
// takes seconds on a busy 2-core machine, so waits and tests get generous limits instead of flaking.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);
