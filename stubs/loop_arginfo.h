/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: f8fa23b7334ffb2a42002fb7832750f5ae61ad6d */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Async_Loop___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Loop_defer, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Loop_delay, 0, 2, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, seconds, IS_DOUBLE, 0)
	ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Loop_repeat, 0, 2, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, interval, IS_DOUBLE, 0)
	ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Loop_onReadable, 0, 2, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, stream, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_Loop_onWritable arginfo_class_Async_Loop_onReadable

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Loop_onSignal, 0, 2, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, signal, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Loop_cancel, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_Loop_enable arginfo_class_Async_Loop_cancel

#define arginfo_class_Async_Loop_disable arginfo_class_Async_Loop_cancel

#define arginfo_class_Async_Loop_reference arginfo_class_Async_Loop_cancel

#define arginfo_class_Async_Loop_unreference arginfo_class_Async_Loop_cancel

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Loop_run, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Async_Loop_stop arginfo_class_Async_Loop_run

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Loop_now, 0, 0, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Loop_setErrorHandler, 0, 1, IS_CALLABLE, 1)
	ZEND_ARG_TYPE_INFO(0, handler, IS_CALLABLE, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Loop_getErrorHandler, 0, 0, IS_CALLABLE, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_Loop_info, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Async_Loop, __construct);
ZEND_METHOD(Async_Loop, defer);
ZEND_METHOD(Async_Loop, delay);
ZEND_METHOD(Async_Loop, repeat);
ZEND_METHOD(Async_Loop, onReadable);
ZEND_METHOD(Async_Loop, onWritable);
ZEND_METHOD(Async_Loop, onSignal);
ZEND_METHOD(Async_Loop, cancel);
ZEND_METHOD(Async_Loop, enable);
ZEND_METHOD(Async_Loop, disable);
ZEND_METHOD(Async_Loop, reference);
ZEND_METHOD(Async_Loop, unreference);
ZEND_METHOD(Async_Loop, run);
ZEND_METHOD(Async_Loop, stop);
ZEND_METHOD(Async_Loop, now);
ZEND_METHOD(Async_Loop, setErrorHandler);
ZEND_METHOD(Async_Loop, getErrorHandler);
ZEND_METHOD(Async_Loop, info);


static const zend_function_entry class_Async_Loop_methods[] = {
	ZEND_ME(Async_Loop, __construct, arginfo_class_Async_Loop___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Async_Loop, defer, arginfo_class_Async_Loop_defer, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, delay, arginfo_class_Async_Loop_delay, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, repeat, arginfo_class_Async_Loop_repeat, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, onReadable, arginfo_class_Async_Loop_onReadable, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, onWritable, arginfo_class_Async_Loop_onWritable, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, onSignal, arginfo_class_Async_Loop_onSignal, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, cancel, arginfo_class_Async_Loop_cancel, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, enable, arginfo_class_Async_Loop_enable, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, disable, arginfo_class_Async_Loop_disable, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, reference, arginfo_class_Async_Loop_reference, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, unreference, arginfo_class_Async_Loop_unreference, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, run, arginfo_class_Async_Loop_run, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, stop, arginfo_class_Async_Loop_stop, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, now, arginfo_class_Async_Loop_now, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, setErrorHandler, arginfo_class_Async_Loop_setErrorHandler, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, getErrorHandler, arginfo_class_Async_Loop_getErrorHandler, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Async_Loop, info, arginfo_class_Async_Loop_info, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Async_Loop(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async", "Loop", class_Async_Loop_methods);
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
