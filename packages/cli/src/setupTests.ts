// The CLI's tests run the whole command in-process on real exports; on a busy 2-core machine one
// run can take longer than Jest's 5 s default, which says nothing about the behaviour under test.
jest.setTimeout(30_000);
