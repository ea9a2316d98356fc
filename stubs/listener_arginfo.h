/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: ead157277f91aa28b3b980a9ea1bb6c8ad070237 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_WebSocket_Listener_onOpen, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, connection, Async\\WebSocket\\Connection, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_WebSocket_Listener_onMessage, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, connection, Async\\WebSocket\\Connection, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, binary, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_WebSocket_Listener_onClose, 0, 3, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, connection, Async\\WebSocket\\Connection, 0)
	ZEND_ARG_TYPE_INFO(0, code, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, reason, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Async_WebSocket_Listener_onError, 0, 2, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, connection, Async\\WebSocket\\Connection, 0)
	ZEND_ARG_OBJ_INFO(0, error, Throwable, 0)
ZEND_END_ARG_INFO()




static const zend_function_entry class_Async_WebSocket_Listener_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Async_WebSocket_Listener, onOpen, arginfo_class_Async_WebSocket_Listener_onOpen, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Async_WebSocket_Listener, onMessage, arginfo_class_Async_WebSocket_Listener_onMessage, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Async_WebSocket_Listener, onClose, arginfo_class_Async_WebSocket_Listener_onClose, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Async_WebSocket_Listener, onError, arginfo_class_Async_WebSocket_Listener_onError, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};

static zend_class_entry *register_class_Async_WebSocket_Listener(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Async\\WebSocket", "Listener", class_Async_WebSocket_Listener_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}
