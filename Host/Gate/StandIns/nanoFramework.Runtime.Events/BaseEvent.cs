// COMPILE-ONLY stand-in: nanoFramework.Runtime.Events 1.11.37 (docs/packages.md): BaseEvent, which GPIO event args derive from.
namespace nanoFramework.Runtime.Events
{
    public class BaseEvent
    {
    }
}
