using System;
namespace Demo {
    /// <summary>Doc comment</summary>
    public class Greeter {
        public async Task<string> Greet(string name) {
            var count = 3.14m;
            string path = @"C:\temp";
            return $"Hello {name}\t!"; // interpolated
        }
    }
}
