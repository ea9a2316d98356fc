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

/** A run-time failure of an asynchronous operation (an \Exception). */
class AsyncException extends \Exception
{
}
