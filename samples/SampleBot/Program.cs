Console.WriteLine("SampleBot: being written (issue 4).");
