<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 70000
 */

namespace Async {
    /**
     * A pool of PHP worker processes (exec of PHP_BINARY with this extension
     * loaded) that run Parallel\Task objects and settle promises with their
     * results. Workers start on demand and are reused.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Parallel
    {
        /**
         * Options: workers (default: the number of CPUs), bootstrap (a file
         * each worker requires first, e.g. Composer's autoloader), php_binary
         * (default PHP_BINARY), ini (extra settings, name => value),
         * task_timeout (seconds, 0: none), max_tasks_per_worker (0: no
         * limit), max_queue (tasks waiting for a worker, default 65536).
         */
        public function __construct(array $options = []) {}

        /** A promise of $task->run()'s return value, computed in a worker. */
        public function submit(Parallel\Task $task): Promise {}

        /** A promise of every task's result, with the keys of $tasks, in order. */
        public function map(iterable $tasks): Promise {}

        /** Runs what is queued, then stops the workers; resolves when they are gone. */
        public function shutdown(): Promise {}

        /** Kills every worker now and rejects every task not finished. */
        public function kill(): void {}

        /** @return array{workers: int, busy: int, queued: int, completed: int, failed: int} */
        public function stats(): array {}
    }

    /**
     * One child process started from an argv array (no shell unless the
     * command is one), watched by the loop.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Process
    {
        /**
         * $command: [program, arg, ...]; a program without "/" is looked up
         * in PATH. Options: cwd, env (replaces the environment), stdin (a
         * string to write then close, or true to keep it open for write()),
         * on_stdout and on_stderr (callables given each chunk as it comes;
         * that stream is then not collected into the result).
         */
        public function __construct(array $command, array $options = []) {}

        /** Starts it; the promise resolves with a ProcessResult when it has exited. */
        public function start(): Promise {}

        public function pid(): int {}

        public function isRunning(): bool {}

        /** Writes to its standard input (option stdin => true). */
        public function write(string $data): void {}

        /** Closes its standard input once what was written is sent. */
        public function closeInput(): void {}

        /** Sends a signal (default SIGTERM) if it is still running. */
        public function kill(int $signal = 15): void {}
    }

    /**
     * How a Process ended, and what it wrote.
     *
     * @strict-properties
     * @not-serializable
     */
    final class ProcessResult
    {
        private int $pid = 0;
        private ?int $exitCode = null;
        private ?int $signal = null;
        private string $stdout = "";
        private string $stderr = "";

        private function __construct() {}

        public function pid(): int {}

        /** The exit status, or null if a signal ended it. */
        public function exitCode(): ?int {}

        /** The signal that ended it, or null. */
        public function signal(): ?int {}

        public function stdout(): string {}

        public function stderr(): string {}

        /** Exit status 0. */
        public function isSuccessful(): bool {}
    }

    /** A process could not be started (not found, not executable, bad cwd). */
    class ProcessException extends AsyncException
    {
    }
}

namespace Async\Parallel {
    /** Work for an Async\Parallel pool: serialized to a worker, which calls run(). */
    interface Task
    {
        public function run(): mixed;
    }

    /**
     * The worker side of Async\Parallel: a pool starts each worker as
     * `php -r 'Async\Parallel\Worker::main();'`. Not for other use.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Worker
    {
        private function __construct() {}

        /** Serves tasks from the pool until it closes the connection. */
        public static function main(): void {}
    }

    /** A worker died (fatal error, exit(), a signal, killed) while running the task. */
    class WorkerException extends \Async\AsyncException
    {
        private ?int $exitCode = null;
        private ?int $signal = null;
        private string $stderr = "";

        /** The worker's exit status, or null if a signal ended it. */
        public function getExitCode(): ?int {}

        /** The signal that ended the worker, or null. */
        public function getSignal(): ?int {}

        /** The last lines the worker wrote to its standard error. */
        public function getStderr(): string {}
    }

    /** The task threw: the original exception, as text (it stays in the worker). */
    class TaskFailedException extends \Async\AsyncException
    {
        private string $originalClass = "";
        private string $originalMessage = "";
        private int|string $originalCode = 0;
        private string $originalFile = "";
        private int $originalLine = 0;
        private string $originalTrace = "";

        public function getOriginalClass(): string {}

        public function getOriginalMessage(): string {}

        public function getOriginalCode(): int|string {}

        public function getOriginalFile(): string {}

        public function getOriginalLine(): int {}

        public function getOriginalTraceAsString(): string {}
    }

    /** A task or its result could not cross between processes (a closure, a resource...). */
    class SerializationException extends \Async\AsyncException
    {
    }
}
