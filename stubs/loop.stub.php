<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 70000
 */

namespace Async;

/**
 * The process's event loop, on libevent. All methods are static: there is one
 * loop per process (a forked child gets a fresh one).
 *
 * @strict-properties
 * @not-serializable
 */
final class Loop
{
    private function __construct() {}

    /** Runs $callback($id) on the next tick. */
    public static function defer(callable $callback): string {}

    /** Runs $callback($id) once, $seconds from now. */
    public static function delay(float $seconds, callable $callback): string {}

    /** Runs $callback($id) every $interval seconds. */
    public static function repeat(float $interval, callable $callback): string {}

    /**
     * Runs $callback($id, $stream) whenever $stream (a stream resource or a
     * Socket) is readable.
     */
    public static function onReadable(mixed $stream, callable $callback): string {}

    /** Runs $callback($id, $stream) whenever $stream is writable. */
    public static function onWritable(mixed $stream, callable $callback): string {}

    /** Runs $callback($id, $signal) when the process receives $signal. */
    public static function onSignal(int $signal, callable $callback): string {}

    /** Removes a watcher; an unknown or already cancelled id is ignored. */
    public static function cancel(string $id): void {}

    public static function enable(string $id): void {}

    public static function disable(string $id): void {}

    public static function reference(string $id): void {}

    /** An unreferenced watcher does not keep run() going. */
    public static function unreference(string $id): void {}

    /** Runs until no referenced, enabled watcher is left, or stop(). */
    public static function run(): void {}

    public static function stop(): void {}

    /** Monotonic time in seconds. */
    public static function now(): float {}

    /** Returns the previous handler. */
    public static function setErrorHandler(?callable $handler): ?callable {}

    public static function getErrorHandler(): ?callable {}

    /** @return array<string, mixed> */
    public static function info(): array {}
}
