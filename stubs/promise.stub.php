<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 70000
 */

namespace Async;

/**
 * The eventual result of an asynchronous operation (Promises/A+). Reactions
 * run as microtasks on the loop, never inside then() or resolve().
 *
 * @strict-properties
 * @not-serializable
 */
final class Promise
{
    /** Calls $executor($resolve, $reject) at once; an exception it throws rejects. */
    public function __construct(callable $executor) {}

    /** $value itself if it is a Promise; else a promise of it, adopting thenables. */
    public static function resolve(mixed $value = null): Promise {}

    public static function reject(\Throwable $reason): Promise {}

    /** Fulfils with every value, keys preserved; rejects with the first rejection. */
    public static function all(iterable $promises): Promise {}

    /**
     * Fulfils when every input has settled, with ['status' => 'fulfilled',
     * 'value' => ...] or ['status' => 'rejected', 'reason' => ...] per key.
     */
    public static function allSettled(iterable $promises): Promise {}

    /** Fulfils with the first value; rejects with a CompositeException if all reject. */
    public static function any(iterable $promises): Promise {}

    /** Settles like the first input that settles. */
    public static function race(iterable $promises): Promise {}

    public function then(?callable $onFulfilled = null, ?callable $onRejected = null): Promise {}

    public function catch(callable $onRejected): Promise {}

    /** $onSettled() runs either way; the value or reason passes through. */
    public function finally(callable $onSettled): Promise {}

    /** Settles like this promise, or rejects with TimeoutException after $seconds. */
    public function timeout(float $seconds): Promise {}

    public function isPending(): bool {}

    public function isFulfilled(): bool {}

    public function isRejected(): bool {}

    /** Async\await($this). */
    public function await(): mixed {}
}

/**
 * A promise and the right to settle it, once.
 *
 * @strict-properties
 * @not-serializable
 */
final class Deferred
{
    public function __construct() {}

    public function promise(): Promise {}

    public function resolve(mixed $value = null): void {}

    public function reject(\Throwable $reason): void {}

    /** Whether resolve() or reject() was called already. */
    public function isSettled(): bool {}
}

/**
 * The promise's value. Inside a Fiber, suspends it until the promise settles
 * (it is resumed from the loop); at top level, runs the loop until then.
 * Throws the rejection reason.
 */
function await(Promise $promise): mixed {}

#if PHP_VERSION_ID >= 80100
/** Runs $fn(...$args) in a new Fiber, started from the loop; a promise of its result. */
function async(callable $fn, mixed ...$args): Promise {}
#endif

/** A promise fulfilled with null after $seconds. */
function delay(float $seconds): Promise {}
