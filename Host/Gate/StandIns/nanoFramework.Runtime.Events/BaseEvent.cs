// Compile-only stand-in: NANOFRAMEWORK.md §2.13 (nanoFramework.Runtime.Events 1.11.37, BaseEvent) and §2.2 (GPIO event args derive from it).
namespace nanoFramework.Runtime.Events
{
    public class BaseEvent
    {
    }
}
