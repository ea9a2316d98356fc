/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 5cde090cdcba260cada764f65a490f7c61c50da0 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_Async_await, 0, 1, IS_MIXED, 0)
	ZEND_ARG_OBJ_INFO(0, promise, Async\\Promise, 0)
ZEND_END_ARG_INFO()

#if PHP_VERSION_ID >= 80100
ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_Async_async, 0, 1, Async\\Promise, 0)
	ZEND_ARG_TYPE_INFO(0, fn, IS_CALLABLE, 0)
	ZEND_ARG_VARIADIC_TYPE_INFO(0, args, IS_MIXED, 0)
ZEND_END_ARG_INFO()
#endif

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_Async_delay, 0, 1, Async\\Promise, 0)
	ZEND_ARG_TYPE_INFO(0, seconds, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Async_Promise___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, executor, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Async_Promise_resolve, 0, 0, Async\\Promise, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, value, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Async_Promise_reject, 0, 1, Async\\Promise, 0)
	ZEND_ARG_OBJ_INFO(0, reason, Throwable, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Async_Promise_all, 0, 1, Async\\Promise, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, promises, Traversable, MAY_BE_ARRAY, NULL)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_Promise_allSettled arginfo_class_Async_Promise_all

#define arginfo_class_Async_Promise_any arginfo_class_Async_Promise_all

#define arginfo_class_Async_Promise_race arginfo_class_Async_Promise_all

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Async_Promise_then, 0, 0, Async\\Promise, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, onFulfilled, IS_CALLABLE, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, onRejected, IS_CALLABLE, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Async_Promise_catch, 0, 1, Async\\Promise, 0)
	ZEND_ARG_TYPE_INFO(0, onRejected, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Async_Promise_finally, 0, 1, Async\\Promise, 0)
	ZEND_ARG_TYPE_INFO(0, onSettled, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_Promise_timeout arginfo_Async_delay

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Promise_isPending, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_Promise_isFulfilled arginfo_class_Async_Promise_isPending

#define arginfo_class_Async_Promise_isRejected arginfo_class_Async_Promise_isPending

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Promise_await, 0, 0, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Async_Deferred___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Async_Deferred_promise, 0, 0, Async\\Promise, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Deferred_resolve, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, value, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Deferred_reject, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, reason, Throwable, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_Deferred_isSettled arginfo_class_Async_Promise_isPending


ZEND_FUNCTION(Async_await);
#if PHP_VERSION_ID >= 80100
ZEND_FUNCTION(Async_async);
#endif
ZEND_FUNCTION(Async_delay);
ZEND_METHOD(Async_Promise, __construct);
ZEND_METHOD(Async_Promise, resolve);
ZEND_METHOD(Async_Promise, reject);
ZEND_METHOD(Async_Promise, all);
ZEND_METHOD(Async_Promise, allSettled);
ZEND_METHOD(Async_Promise, any);
ZEND_METHOD(Async_Promise, race);
ZEND_METHOD(Async_Promise, then);
ZEND_METHOD(Async_Promise, catch);
ZEND_METHOD(Async_Promise, finally);
ZEND_METHOD(Async_Promise, timeout);
ZEND_METHOD(Async_Promise, isPending);
ZEND_METHOD(Async_Promise, isFulfilled);
ZEND_METHOD(Async_Promise, isRejected);
ZEND_METHOD(Async_Promise, await);
ZEND_METHOD(Async_Deferred, __construct);
ZEND_METHOD(Async_Deferred, promise);
ZEND_METHOD(Async_Deferred, resolve);
ZEND_METHOD(Async_Deferred, reject);
ZEND_METHOD(Async_Deferred, isSettled);


static const zend_function_entry ext_functions[] = {
	ZEND_NS_FALIAS("Async", await, Async_await, arginfo_Async_await)
#if PHP_VERSION_ID >= 80100
	ZEND_NS_FALIAS("Async", async, Async_async, arginfo_Async_async)
#endif
	ZEND_NS_FALIAS("Async", delay, Async_delay, arginfo_Async_delay)
	ZEND_FE_END
};


static const zend_function_entry class_Async_Promise_methods[] = {
	ZEND_ME(Async_Promise, __construct, arginfo_class_Async_Promise___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Promise, resolve, arginfo_class_Async_Promise_resolve, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Promise, reject, arginfo_class_Async_Promise_reject, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Promise, all, arginfo_class_Async_Promise_all, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Promise, allSettled, arginfo_class_Async_Promise_allSettled, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Promise, any, arginfo_class_Async_Promise_any, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Promise, race, arginfo_class_Async_Promise_race, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Promise, then, arginfo_class_Async_Promise_then, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Promise, catch, arginfo_class_Async_Promise_catch, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Promise, finally, arginfo_class_Async_Promise_finally, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Promise, timeout, arginfo_class_Async_Promise_timeout, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Promise, isPending, arginfo_class_Async_Promise_isPending, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Promise, isFulfilled, arginfo_class_Async_Promise_isFulfilled, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Promise, isRejected, arginfo_class_Async_Promise_isRejected, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Promise, await, arginfo_class_Async_Promise_await, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Async_Deferred_methods[] = {
	ZEND_ME(Async_Deferred, __construct, arginfo_class_Async_Deferred___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Deferred, promise, arginfo_class_Async_Deferred_promise, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Deferred, resolve, arginfo_class_Async_Deferred_resolve, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Deferred, reject, arginfo_class_Async_Deferred_reject, ZEND_ACC_PUBLIC)
	ZEND_ME(Async_Deferred, isSettled, arginfo_class_Async_Deferred_isSettled, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Async_Promise(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async", "Promise", class_Async_Promise_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
#if (PHP_VERSION_ID >= 80100)
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#elif (PHP_VERSION_ID >= 80000)
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
#elif (PHP_VERSION_ID >= 70000)
	class_entry->ce_flags |= ZEND_ACC_FINAL;
#endif

	return class_entry;
}

static zend_class_entry *register_class_Async_Deferred(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async", "Deferred", class_Async_Deferred_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
#if (PHP_VERSION_ID >= 80100)
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#elif (PHP_VERSION_ID >= 80000)
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
#elif (PHP_VERSION_ID >= 70000)
	class_entry->ce_flags |= ZEND_ACC_FINAL;
#endif

	return class_entry;
}
