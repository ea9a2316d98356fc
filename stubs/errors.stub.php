<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 70000
 */

namespace Async;

/** Misuse of the API: a call that can never work as written (an \Error). */
class AsyncError extends \Error
{
}

/**
 * A promise was rejected and destroyed without anyone handling the
 * rejection; getPrevious() is the reason.
 */
final class UnhandledRejectionError extends AsyncError
{
}

/** A run-time failure of an asynchronous operation (an \Exception). */
class AsyncException extends \Exception
{
}

/** An operation did not finish in time (Promise::timeout()). */
class TimeoutException extends AsyncException
{
}

/** An operation was cancelled before it finished. */
class CancelledException extends AsyncException
{
}

/** Several operations failed (Promise::any()): getReasons() has every reason. */
final class CompositeException extends AsyncException
{
    /** @var array<int|string, \Throwable>|null null until set: PHP 7.4 allows no array default here */
    private ?array $reasons = null;

    /** @return array<int|string, \Throwable> */
    public function getReasons(): array {}
}
