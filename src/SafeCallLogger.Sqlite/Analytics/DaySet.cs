using System.Numerics;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// A set of calendar days as one bit per day from the first 64-day word it holds, grown at either end: what retention
/// keeps per user (the days of notification, the days of click). A report adds a per-user row 4,000,000 times for
/// 1,000,000 calls; hash sets of days spread over thousands of users missed the cache on most of them, where these
/// bits (a year of days in six words) stay in it.
/// </summary>
internal sealed class DaySet
{
    private ulong[] _words = [];
    private int _firstDay;

    public bool IsEmpty => _words.Length == 0;

    public void Add(DateOnly day)
    {
        var number = day.DayNumber;
        if (_words.Length == 0)
        {
            _firstDay = number & ~63;
            _words = new ulong[1];
        }
        else if (number < _firstDay)
        {
            var firstDay = number & ~63;
            var words = new ulong[_words.Length + ((_firstDay - firstDay) >> 6)];
            _words.CopyTo(words, (_firstDay - firstDay) >> 6);
            (_words, _firstDay) = (words, firstDay);
        }
        else if (number - _firstDay >= _words.Length << 6)
        {
            Array.Resize(ref _words, Math.Max(_words.Length * 2, ((number - _firstDay) >> 6) + 1));
        }

        var bit = number - _firstDay;
        _words[bit >> 6] |= 1UL << (bit & 63);
    }

    public bool Contains(DateOnly day)
    {
        var bit = day.DayNumber - _firstDay;
        return bit >= 0 && bit < _words.Length << 6 && (_words[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    /// <summary>The earliest day held; the set must not be empty.</summary>
    public DateOnly Min()
    {
        var word = Array.FindIndex(_words, static w => w != 0);
        return DateOnly.FromDayNumber(_firstDay + (word << 6) + BitOperations.TrailingZeroCount(_words[word]));
    }
}
